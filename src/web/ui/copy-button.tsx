import { Button, Tooltip } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IconCheck, IconCopy } from './icons.tsx';

async function writeClipboard(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the older way
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  let done = false;
  try {
    done = document.execCommand('copy');
  } catch {
    done = false;
  }
  area.remove();
  return done;
}

/** Copies a value; the label turns to "Copié" for a moment. */
export function CopyButton({
  value,
  label,
  size = 'xs',
}: {
  value: string;
  label?: string;
  size?: 'xs' | 'sm';
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 2000);
    return () => window.clearTimeout(timer);
  }, [state]);
  return (
    <Tooltip label={t('common.copyFailed')} opened={state === 'failed'} withArrow>
      <Button
        size={size}
        variant={state === 'copied' ? 'filled' : 'light'}
        color={state === 'copied' ? 'teal' : undefined}
        leftSection={state === 'copied' ? <IconCheck size={16} /> : <IconCopy size={16} />}
        onClick={() => {
          void writeClipboard(value).then((ok) => setState(ok ? 'copied' : 'failed'));
        }}
        aria-live="polite"
      >
        {state === 'copied' ? t('common.copied') : (label ?? t('common.copy'))}
      </Button>
    </Tooltip>
  );
}
