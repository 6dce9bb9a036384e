import { Button, Group, Popover, Stack, Text } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Wraps a trigger (a button) so that it asks "are you sure?" in a small popover before
 * running the action.
 */
export function ConfirmAction({
  children,
  message,
  confirmLabel,
  onConfirm,
  loading,
  color = 'red',
}: {
  children: ReactElement;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  loading?: boolean;
  color?: string;
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      withArrow
      shadow="md"
      position="bottom-end"
      trapFocus
      returnFocus
    >
      <Popover.Target>
        <span onClickCapture={() => setOpened((o) => !o)} style={{ display: 'inline-flex' }}>
          {children}
        </span>
      </Popover.Target>
      <Popover.Dropdown maw={300}>
        <Stack gap="sm">
          <Text size="sm">{message}</Text>
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setOpened(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              size="xs"
              color={color}
              loading={loading}
              onClick={() => {
                onConfirm();
                setOpened(false);
              }}
            >
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
