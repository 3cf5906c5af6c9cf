import { Alert, Empty } from 'antd';
import { hasChinese, useT } from '../i18n/i18n';
import type { ApiError } from '../lib/api';

/** An API failure for a person: the server's own sentence, and each field at fault. */
export function ProblemAlert({ error }: { error: ApiError | undefined }) {
  const t = useT();
  if (!error) return null;
  // A Chinese page names no English path or sentence: a field's own message when it is Chinese, else a plain one.
  const chinese = t.locale === 'zh-CN';
  const title = error.status === 0 ? t.common.networkError : t.common.failedWith(error.detail);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title}
      description={
        error.errors.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {error.errors.map((e, i) => (
              <li key={i}>
                {chinese ? (hasChinese(e.message) ? e.message : t.common.fieldInvalid) : <><code>{e.path}</code> {e.message}</>}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}

/** A part of a page whose API is not there (404 on a list) shows an empty state, not an error. */
export function LoadState({ error, empty }: { error: ApiError | undefined; empty?: string }) {
  const t = useT();
  if (!error) return null;
  if (error.status === 404) return <Empty description={empty ?? t.common.notAvailable} />;
  return <ProblemAlert error={error} />;
}
