/** The API server's Service warnings (cases/warnings.ts). */
import { warningCases } from './cases/warnings';
import { runTable } from './table';

runTable(warningCases);
