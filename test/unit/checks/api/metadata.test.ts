/** API-server metadata rules, data-driven (cases/metadata.ts). */
import { metadataCases } from './cases/metadata';
import { runTable } from './table';

runTable(metadataCases);
