/** API-server rules for Endpoints and EndpointSlices (cases/endpoints.ts). */
import { endpointCases } from './cases/endpoints';
import { runTable } from './table';

runTable(endpointCases);
