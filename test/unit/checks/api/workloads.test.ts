/** API-server rules for StatefulSet names and pod DNS fields (cases/workloads.ts). */
import { workloadCases } from './cases/workloads';
import { runTable } from './table';

runTable(workloadCases);
