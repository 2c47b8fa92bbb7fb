/**
 * Checks a recorded Web API call against Slack's OpenAPI description of the Web API
 * (../shared/slack/slack_web_openapi_v2_without_examples.json): the method exists, every
 * parameter sent is one it defines, and every required parameter is there (the token counts
 * when it travels in the Authorization header, where the spec puts it).
 */
import type { ApiCall } from "./fake-slack.ts";

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
}

export interface WebApiSpec {
  paths: Record<string, Record<string, { parameters?: Parameter[] }>>;
}

export function specProblems(spec: WebApiSpec, call: ApiCall): string[] {
  const path = spec.paths[`/${call.method}`];
  if (!path) return [`${call.method}: no such method in Slack's Web API spec`];
  const params = Object.values(path).flatMap((op) => op.parameters ?? []);
  const defined = new Set(params.map((p) => p.name));
  const problems: string[] = [];
  for (const name of Object.keys(call.params)) {
    if (!defined.has(name))
      problems.push(`${call.method}: parameter "${name}" is not defined by the spec`);
  }
  for (const p of params) {
    if (!p.required) continue;
    const sent =
      p.name === "token"
        ? Boolean(call.authorization?.startsWith("Bearer ")) || "token" in call.params
        : p.name in call.params;
    if (!sent) problems.push(`${call.method}: required parameter "${p.name}" is missing`);
  }
  return problems;
}
