// SheetJS's browser builds have the same API as the package's main entry, for the parts used here.
declare module "xlsx/dist/xlsx.mini.min.js" {
  export * from "xlsx";
}
declare module "xlsx/dist/xlsx.full.min.js" {
  export * from "xlsx";
}
