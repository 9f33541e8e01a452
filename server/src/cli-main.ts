// Entry point of the bundled CLI (dist/cli.js).
import { main } from './cli';

// `gongwen check … | head` closes the pipe early: stop quietly, as Unix tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`gongwen: 内部错误：${(e as Error).message}\n`);
    process.exitCode = 2;
  },
);
