// The small SheetJS build has the same API as the package's main entry, for the parts used here.
declare module "xlsx/dist/xlsx.mini.min.js" {
  export * from "xlsx";
}
