/** Reports the nice value of the worker thread it runs in (field 19 of /proc/thread-self/stat). */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

const stat = readFileSync('/proc/thread-self/stat', 'utf8');
// Fields after the command name (which is in parentheses and may hold spaces).
const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
parentPort?.postMessage(Number(fields[16]));
