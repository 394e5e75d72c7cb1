/** The list of ntm commands; each module adds its own subcommands to the program. */
import type { Command } from "commander";
import type { CliIo } from "../cliIo";
import { registerServe } from "./serve";
import { registerAdmin } from "./admin";
import { registerPush } from "./push";
import { registerPull } from "./pull";
import { registerCriteria } from "./criteria";
import { registerValidate } from "./validate";
import { registerConsolidate } from "./consolidate";
import { registerTemplate } from "./template";

export type RegisterCommand = (program: Command, io: CliIo) => void;

export const commands: RegisterCommand[] = [
  registerServe,
  registerAdmin,
  registerPush,
  registerPull,
  registerCriteria,
  registerValidate,
  registerConsolidate,
  registerTemplate,
];
