export * from "./rules";
export * from "./usage";
