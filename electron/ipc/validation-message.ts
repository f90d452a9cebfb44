import type { z } from 'zod';

function where(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '要求' : `「${path.map(String).join('.')}」`;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `${where(issue.path)}に余分な項目があります（${issue.keys.join('、')}）`;
    case 'invalid_type':
      return `${where(issue.path)}の型が正しくありません`;
    case 'too_big':
      return `${where(issue.path)}が長すぎるか大きすぎます`;
    case 'too_small':
      return `${where(issue.path)}が短すぎるか小さすぎます`;
    default:
      return `${where(issue.path)}の値が正しくありません`;
  }
}

/** A Japanese message for a request that failed its schema; the first three problems are enough. */
export function invalidRequestMessage(channel: string, error: z.ZodError): string {
  const details = error.issues.slice(0, 3).map(describeIssue).join('。');
  return `アプリ内部の要求の形式が正しくありません（${channel}）：${details}。`;
}
