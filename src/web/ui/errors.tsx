import { Alert, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { IconAlert } from './icons.tsx';

/** The problem's message in the reader's language. */
export function useProblemText() {
  const { t, i18n } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      const { detail, detailEn } = error.problem;
      return i18n.language === 'en' && detailEn ? detailEn : detail;
    }
    return t('errors.unexpected');
  };
}

/** Shows an API error (problem+json `detail`, or `detailEn` in English) in an alert. */
export function ErrorAlert({
  error,
  onRetry,
  title,
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  const { t } = useTranslation();
  const text = useProblemText();
  if (!error) return null;
  return (
    <Alert
      color="red"
      variant="light"
      title={title ?? t('errors.title')}
      icon={<IconAlert />}
      role="alert"
    >
      <Group justify="space-between" gap="sm" wrap="wrap">
        <span>{text(error)}</span>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}

const knownCodes = new Set(['too_small', 'too_big', 'invalid_format', 'invalid_type', 'required']);

/**
 * Returns a function giving the message to show beside a field, from the server's
 * `errors: [{field, message, code}]`. Schema validation messages are written in English by the
 * validator: in French they become a plain-language message (the field's own description
 * says what is expected). Messages of business rules are shown as the server wrote them.
 */
export function useFieldErrors(error: unknown) {
  const { t, i18n } = useTranslation();
  return (field: string): string | undefined => {
    if (!(error instanceof ApiError)) return undefined;
    const path = field.split('.');
    const found = error.problem.errors?.find((e) => {
      const parts = e.field.replace(/^\//, '').split(/[./]/);
      const rest = parts[0] === 'body' ? parts.slice(1) : parts;
      return rest.join('.') === path.join('.');
    });
    if (!found) return undefined;
    if (found.code && knownCodes.has(found.code)) {
      return t(`errors.field.${found.code as 'too_small'}`);
    }
    if (error.problem.code === 'validation_failed' && i18n.language !== 'en') {
      return t('errors.field.invalid');
    }
    return found.message;
  };
}
