/**
 * gRPC status codes and their HTTP mapping as Argo CD's grpc-gateway applies them, and the two
 * error bodies it writes: `runtimeError` for unary calls and `runtimeStreamError` for a stream.
 */
import { STATUS_CODES } from 'node:http';

export const GrpcCode = {
  Unknown: 2,
  InvalidArgument: 3,
  DeadlineExceeded: 4,
  NotFound: 5,
  PermissionDenied: 7,
  FailedPrecondition: 9,
  Internal: 13,
  Unavailable: 14,
  Unauthenticated: 16,
} as const;

/** grpc-gateway's HTTPStatusFromCode, for the codes the simulator uses. */
export function httpStatusFromGrpc(code: number): number {
  switch (code) {
    case GrpcCode.InvalidArgument:
    case GrpcCode.FailedPrecondition:
      return 400;
    case GrpcCode.Unauthenticated:
      return 401;
    case GrpcCode.PermissionDenied:
      return 403;
    case GrpcCode.NotFound:
      return 404;
    case GrpcCode.DeadlineExceeded:
      return 504;
    case GrpcCode.Unavailable:
      return 503;
    default:
      return 500;
  }
}

/** The reverse, for faults that name only an HTTP status. */
export function grpcFromHttpStatus(status: number): number {
  switch (status) {
    case 400:
      return GrpcCode.InvalidArgument;
    case 401:
      return GrpcCode.Unauthenticated;
    case 403:
      return GrpcCode.PermissionDenied;
    case 404:
      return GrpcCode.NotFound;
    case 503:
      return GrpcCode.Unavailable;
    case 504:
      return GrpcCode.DeadlineExceeded;
    default:
      return status >= 500 ? GrpcCode.Internal : GrpcCode.Unknown;
  }
}

/** An error the API answers with; `httpStatus` follows from the gRPC code unless given. */
export class ApiError extends Error {
  readonly httpStatus: number;
  constructor(
    readonly grpcCode: number,
    message: string,
    httpStatus?: number,
  ) {
    super(message);
    this.name = 'ApiError';
    this.httpStatus = httpStatus ?? httpStatusFromGrpc(grpcCode);
  }
}

export interface RuntimeError {
  error: string;
  code: number;
  message: string;
}

export function runtimeError(error: ApiError): RuntimeError {
  return { error: error.message, code: error.grpcCode, message: error.message };
}

export interface StreamErrorLine {
  error: { grpc_code: number; http_code: number; message: string; http_status: string };
}

export function streamError(grpcCode: number, message: string): StreamErrorLine {
  const httpCode = httpStatusFromGrpc(grpcCode);
  return { error: { grpc_code: grpcCode, http_code: httpCode, message, http_status: STATUS_CODES[httpCode] ?? '' } };
}

// Argo CD's own wording, so a client's error handling meets the strings it will meet in production.
export const permissionDenied = (): ApiError => new ApiError(GrpcCode.PermissionDenied, 'permission denied');
export const appNotFound = (name: string): ApiError =>
  new ApiError(GrpcCode.NotFound, `applications.argoproj.io "${name}" not found`);
export const operationInProgress = (): ApiError =>
  new ApiError(GrpcCode.FailedPrecondition, 'another operation is already in progress');
