/**
 * Excel errors with a message (#VALUE!, #N/A): CustomFunctions.Error inside Excel, an object of the
 * same shape elsewhere (unit tests, the browser), so the pure functions never depend on the host.
 */
export type FunctionErrorCode = "#VALUE!" | "#N/A";

export class NtmFunctionError extends Error {
  constructor(
    readonly code: FunctionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "NtmFunctionError";
  }
}

export type FunctionError = NtmFunctionError | CustomFunctions.Error;

export function functionError(code: FunctionErrorCode, message: string): FunctionError {
  if (typeof CustomFunctions !== "undefined" && CustomFunctions.Error) {
    const excelCode =
      code === "#N/A" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(excelCode, message);
  }
  return new NtmFunctionError(code, message);
}
