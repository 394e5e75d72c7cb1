/**
 * The `ntm` command line. Each command lives in src/cli/commands/<name>.ts and exports
 * `register(program, io)`; main() returns the exit code instead of calling process.exit, so tests
 * can run the CLI in-process.
 */
import { Command, CommanderError } from "commander";
import type { CliIo } from "./cliIo";
import { nodeIo } from "./cliIo";
import { commands } from "./commands";
import { commanderErrorText, helpHint, helpTitle, helpWords } from "./messages/commanderMessages";
import { unexpectedError } from "./messages/commonMessages";

/** Every command and subcommand, so each usage error names the help of the command it came from. */
function eachCommand(c: Command, path: string, fn: (c: Command, path: string) => void): void {
  fn(c, path);
  for (const sub of c.commands) eachCommand(sub, `${path} ${sub.name()}`, fn);
}

export async function main(argv: string[], io: CliIo = nodeIo()): Promise<number> {
  const program = new Command("ntm")
    .description("NTM Tracker — công cụ Nông thôn mới / New Rural Development tracker")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      outputError: (s, write) => write(commanderErrorText(s)),
    })
    .configureHelp({ styleTitle: helpTitle })
    .helpOption("-h, --help", helpWords.option)
    .helpCommand("help [command]", helpWords.command);
  for (const register of commands) register(program, io);
  eachCommand(program, "ntm", (c, path) => c.showHelpAfterError(helpHint(path)));
  try {
    await program.parseAsync(argv);
    return io.exitCode ?? 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit 0; usage errors exit 2 as every ntm command's misuse does.
      return e.exitCode === 0 ? 0 : 2;
    }
    io.err(unexpectedError((e as Error).message));
    return 2;
  }
}

if (require.main === module) {
  main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
