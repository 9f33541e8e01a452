// Entry point of the bundled CLI (dist/cli.js).
import { main } from './cli';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`gongwen: 内部错误：${(e as Error).message}\n`);
    process.exitCode = 2;
  },
);
