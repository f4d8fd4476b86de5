/**
 * What a fired `error` fault answers: the body a client would really meet for that status.
 */
import { STATUS_CODES, type ServerResponse } from 'node:http';
import { ApiError, grpcFromHttpStatus, runtimeError } from './errors.js';
import { sendJson, sendText } from './http-util.js';
import type { FaultAction } from './faults.js';

type ErrorFault = Extract<FaultAction, { type: 'error' }>;

// Messages Argo CD itself sends for these statuses.
const DEFAULT_MESSAGES: Readonly<Record<number, string>> = {
  401: 'invalid session: token has invalid claims: token is expired',
  403: 'permission denied',
  404: 'Not Found',
  429: 'too many requests',
  500: 'internal error',
};

export function sendFaultError(res: ServerResponse, fault: ErrorFault): void {
  if (fault.body !== undefined) {
    sendText(res, fault.status, fault.body, fault.contentType ?? 'text/plain; charset=utf-8');
    return;
  }
  // 502–504 come from the ingress in front of Argo CD, not from Argo CD: an HTML page, not JSON.
  if (fault.status >= 502 && fault.status <= 504 && fault.message === undefined && fault.grpcCode === undefined) {
    sendText(res, fault.status, proxyPage(fault.status), 'text/html');
    return;
  }
  const message = fault.message ?? DEFAULT_MESSAGES[fault.status] ?? STATUS_CODES[fault.status] ?? 'error';
  sendJson(res, fault.status, runtimeError(new ApiError(fault.grpcCode ?? grpcFromHttpStatus(fault.status), message, fault.status)));
}

function proxyPage(status: number): string {
  const title = `${status} ${STATUS_CODES[status] ?? ''}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}
