/** API-server rules for type, cluster IPs, IP families, ExternalName and externalIPs (cases/addresses.ts). */
import { addressCases } from './cases/addresses';
import { runTable } from './table';

runTable(addressCases);
