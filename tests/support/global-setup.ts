import type { TestProject } from "vitest/node";
import { createTemplate } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    testRunId: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // One id per run, handed to the test files, so parallel runs never touch each other's databases.
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  project.provide("testRunId", runId);
  return createTemplate(runId);
}
