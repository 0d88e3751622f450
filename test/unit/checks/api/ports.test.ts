/** API-server rules for Service ports and node ports, data-driven (cases/ports.ts). */
import { portCases } from './cases/ports';
import { runTable } from './table';

runTable(portCases);
