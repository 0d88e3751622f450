/** API-server rules for selectors, affinity, traffic policies and LoadBalancer fields (cases/traffic.ts). */
import { trafficCases } from './cases/traffic';
import { runTable } from './table';

runTable(trafficCases);
