/** Entry point of the bundled language server (`out/server.js --stdio`), as editors start it. */
import { startServer } from './server';

startServer();
