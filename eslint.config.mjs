// ESLint flat config: Next's recommended rules (core web vitals, TypeScript), and the house's
// boundaries, so that the arrows between the rooms (ADR 009) are checked, not just written down:
//   app/ → components/ → lib/actions/ → lib/server/ → Prisma
// lib/schemas, lib/forms and the other lib/ helpers are shared by every room and import none of them.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const PRISMA = {
  group: ["@/lib/generated/*", "@/lib/generated/**", "@prisma/client", "@prisma/client/*", "**/generated/prisma*"],
  message: "Only lib/server reaches the Prisma client: call a lib/server function instead.",
};
const SERVER = {
  group: ["@/lib/server/*", "@/lib/server/**"],
  message: "Components never import lib/server: take types from lib/schemas, mutations from lib/actions.",
};
const APP = {
  group: ["@/app/*", "@/app/**"],
  message: "Nothing imports from app/: the arrows run app → components → lib.",
};
const UI = {
  group: ["@/components/*", "@/components/**"],
  message: "lib/ does not import components: move the shared piece into lib/.",
};

export default defineConfig([
  globalIgnores([
    "lib/generated/**",
    ".next/**",
    ".next-*/**",
    "next-env.d.ts",
    "coverage/**",
    "test-results/**",
    "playwright-report/**",
    "reports/**",
    "data/**",
    // Stryker's sandbox copies of the tree, left behind when a run is stopped.
    ".stryker-tmp*/**",
  ]),
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
      eqeqeq: ["error", "smart"],
      "no-console": ["error", { allow: ["warn", "error", "info"] }],
      "prefer-const": "error",
      "object-shorthand": "error",
      "no-restricted-imports": ["error", { patterns: [PRISMA] }],
    },
  },
  {
    // The only room that talks to the database.
    files: ["lib/server/**"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["components/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [PRISMA, SERVER, APP] }] },
  },
  {
    files: ["lib/**"],
    ignores: ["lib/server/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [PRISMA, APP, UI] }] },
  },
  {
    // Scripts and tests print their progress; tests may read rows back through the Prisma client
    // to prove what a call did (or did not) change.
    files: ["scripts/**", "tests/**", "**/*.test.ts", "**/*.test.tsx", "*.config.ts", "*.config.mjs"],
    // Tests handle arbitrary JSON answers, hence `any` there and nowhere else.
    rules: { "no-console": "off", "no-restricted-imports": "off", "@typescript-eslint/no-explicit-any": "off" },
  },
]);
