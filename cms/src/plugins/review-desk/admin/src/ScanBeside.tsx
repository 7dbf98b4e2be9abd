import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useFetchFile } from '../../../../admin/shared/api';

/** The scan's share of the window; the admin gives up as much room on its right. */
const WIDTH = '42vw';

interface ScanBesideProps {
  path: string;
  fileName: string;
  mime: string;
  onClose(): void;
}

/**
 * The stamped form beside the answers, not in a pop-up or another tab: the reviewer compares the
 * record with what the applicant signed and stamped (seeds/000 §二). The admin's page narrows to
 * the left of it while it is open.
 */
export function ScanBeside({ path, fileName, mime, onClose }: ScanBesideProps) {
  const fetchFile = useFetchFile();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let created: string | null = null;
    fetchFile(path).then(
      (blob) => {
        created = URL.createObjectURL(blob);
        setUrl(created);
      },
      (caught: Error) => setError(caught.message),
    );
    return () => {
      if (created) URL.revokeObjectURL(created);
    };
  }, [fetchFile, path]);

  useEffect(() => {
    const previous = document.body.style.paddingRight;
    document.body.style.paddingRight = WIDTH;
    // The Content Manager's list of types (the nav that links to them) gives its room to the record.
    const types = document.querySelector<HTMLElement>('a[href*="/content-manager/collection-types/"]')?.closest('nav');
    const display = types?.style.display;
    if (types) types.style.display = 'none';
    return () => {
      document.body.style.paddingRight = previous;
      if (types) types.style.display = display ?? '';
    };
  }, []);

  return createPortal(
    <Box
      tag="aside"
      aria-label="盖章申请表扫描件"
      background="neutral0"
      shadow="popupShadow"
      style={{ position: 'fixed', top: 0, right: 0, bottom: 0, width: WIDTH, zIndex: 3, display: 'flex', flexDirection: 'column' }}
    >
      <Flex
        justifyContent="space-between"
        alignItems="center"
        gap={2}
        padding={3}
        borderColor="neutral150"
        style={{ borderBottomWidth: 1, borderBottomStyle: 'solid' }}
      >
        <Typography fontWeight="bold" ellipsis title={fileName}>
          盖章申请表：{fileName}
        </Typography>
        <Button variant="tertiary" size="S" onClick={onClose}>
          关闭扫描件
        </Button>
      </Flex>
      {error && (
        <Typography textColor="danger600" role="alert" padding={3}>
          {error}
        </Typography>
      )}
      {url &&
        (mime.startsWith('image/') ? (
          <Box overflow="auto" padding={2} style={{ flex: 1 }}>
            <img src={url} alt={`盖章申请表扫描件：${fileName}`} style={{ maxWidth: '100%' }} />
          </Box>
        ) : (
          <iframe src={url} title={`盖章申请表扫描件：${fileName}`} style={{ flex: 1, border: 0, width: '100%' }} />
        ))}
    </Box>,
    document.body,
  );
}
