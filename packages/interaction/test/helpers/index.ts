export * from "@ops/interaction";
export * from "@ops/interaction/adapters";
export * from "@ops/interaction/conformance";
