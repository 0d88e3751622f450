/** The chapter's kiada objects, as the fixtures of the engine tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(__dirname, '../../../examples/kiada');
export const KIADA = ['namespace.yaml', 'services.yaml', 'quote-headless-endpointslice.yaml', 'deployments.yaml'].map((f) => readFileSync(join(dir, f), 'utf8'));
