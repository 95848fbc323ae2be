export * from "@ops/interaction";
