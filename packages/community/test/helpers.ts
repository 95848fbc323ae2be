// Shared imports for the tests: the package under test.
export * from "@ops/community";
