/**
 * `npm start`: with Slack tokens the Slack app (added by the Slack issue); without them the
 * offline console on the bundled knowledge.
 */
import { resolve } from "node:path";
import { runConsole } from "./console/repl.ts";
import { openKnowledge } from "./knowledge/open.ts";

const knowledgeDir = resolve(process.env.TARIFF_DESK_KNOWLEDGE ?? "knowledge");
const kb = openKnowledge(knowledgeDir);
await runConsole({ kb, knowledgeDir, input: process.stdin, output: process.stdout });
