import { App, Button, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { api, ApiError } from '../../lib/api';
import type { Material, UploadedFile } from '../../lib/types';

export interface Uploaded {
  fileId: string;
  name: string;
}

/** A copy of `record` without `key`: a material's error goes once it is uploaded. */
export function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

/**
 * What the server accepts (src/files/content-type.ts): it judges by content, so the page only turns away
 * what is plainly something else. Browsers give OFD files no type (or application/octet-stream), so a
 * file is let through by its type or by its extension.
 */
export const ACCEPTED_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff', 'application/ofd'];
export const ACCEPTED_EXTENSIONS = ['.pdf', '.png', '.jpg', '.jpeg', '.tif', '.tiff', '.ofd'];

export const acceptable = (file: { name: string; type: string }): boolean =>
  ACCEPTED_TYPES.includes(file.type) || ACCEPTED_EXTENSIONS.some((extension) => file.name.toLowerCase().endsWith(extension));

/** One material: what it is, whether it must be given, and its file once uploaded (POST /api/files). */
export function MaterialUpload({
  material,
  uploaded,
  onUploaded,
  usedBy,
  error,
}: {
  material: Material;
  uploaded: Uploaded | undefined;
  onUploaded: (file: Uploaded) => void;
  usedBy?: string;
  error?: string;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const upload = async (file: File) => {
    setBusy(true);
    try {
      const stored = await api.upload<UploadedFile>('/api/files', file, file.name);
      onUploaded({ fileId: stored.id, name: file.name });
    } catch (failure) {
      message.error(t.apply.uploadFailed(failure instanceof ApiError ? failure.detail : String(failure)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-material={material.key} style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <div>
          <Typography.Text strong>{material.name}</Typography.Text>{' '}
          {material.required ? <Tag color="blue">{t.catalogue.required}</Tag> : <Tag>{t.catalogue.optional}</Tag>}
          {material.tolerant && <Tag color="gold">{t.catalogue.tolerant}</Tag>}
          {usedBy && (
            <div>
              <Typography.Text type="secondary">{t.apply.usedBy(usedBy)}</Typography.Text>
            </div>
          )}
          {uploaded && (
            <div>
              <Typography.Text type="success" data-uploaded={uploaded.fileId}>
                ✓ {t.apply.uploaded(uploaded.name)}
              </Typography.Text>
            </div>
          )}
          {error && (
            <div role="alert">
              <Typography.Text type="danger">{error}</Typography.Text>
            </div>
          )}
        </div>
        <Upload
          accept={[...ACCEPTED_EXTENSIONS, ...ACCEPTED_TYPES].join(',')}
          showUploadList={false}
          beforeUpload={(file) => {
            if (!acceptable(file)) {
              message.error(t.apply.wrongType);
              return Upload.LIST_IGNORE;
            }
            void upload(file);
            // The upload is ours (with the bearer token), not antd's.
            return false;
          }}
        >
          <Button loading={busy} aria-label={`${uploaded ? t.apply.replace : t.apply.upload} ${material.name}`}>
            {busy ? t.apply.uploading : uploaded ? t.apply.replace : t.apply.upload}
          </Button>
        </Upload>
      </Space>
    </div>
  );
}
