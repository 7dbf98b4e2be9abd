import { Box, Button, Field, Flex, Textarea } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { fieldErrorsOf, messageOf } from '../../../../../admin/shared/api';

interface Summary {
  formId: string;
  title: string;
  overridden: boolean;
}
interface Template extends Summary {
  source: string;
  defaultSource: string;
}

/**
 * 打印模板: a content editor overrides a form's Handlebars template, previews it against a sample
 * record, and saves it only when it compiles and escapes everything.
 */
export default function PrintTemplates() {
  const { get, put, post, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [list, setList] = useState<Summary[]>([]);
  const [template, setTemplate] = useState<Template | null>(null);
  const [source, setSource] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [preview, setPreview] = useState<string | null>(null);

  const loadList = useCallback(
    () =>
      get<Summary[]>('/review-desk/templates').then(
        ({ data }) => setList(data),
        (e) => setError(messageOf(e)),
      ),
    [get],
  );
  useEffect(() => {
    void loadList();
  }, [loadList]);

  async function choose(formId: string) {
    const { data } = await get<Template>(`/review-desk/templates/${formId}`);
    setTemplate(data);
    setSource(data.source);
    setError(undefined);
    setPreview(null);
  }
  const failed = (caught: unknown) => setError(fieldErrorsOf(caught).source ?? messageOf(caught));

  async function showPreview() {
    if (!template) return;
    try {
      const { data } = await post<{ html: string }>(`/review-desk/templates/${template.formId}/preview`, { source });
      setPreview(data.html);
      setError(undefined);
    } catch (caught) {
      failed(caught);
    }
  }
  async function save() {
    if (!template) return;
    try {
      const { data } = await put<Template>(`/review-desk/templates/${template.formId}`, { source });
      setTemplate(data);
      setError(undefined);
      toggleNotification({ type: 'success', message: `已保存“${data.title}”的打印模板` });
      void loadList();
    } catch (caught) {
      failed(caught);
    }
  }
  async function reset() {
    if (!template) return;
    const { data } = await del<Template>(`/review-desk/templates/${template.formId}`);
    setTemplate(data);
    setSource(data.source);
    toggleNotification({ type: 'success', message: '已恢复默认模板' });
    void loadList();
  }

  return (
    <Page.Main>
      <Page.Title>打印模板</Page.Title>
      <Layouts.Header
        title="打印模板"
        subtitle="申请人打印、签字盖章的申请表。模板用 Handlebars 编写，所有内容都会转义，不能使用 {{{ }}}。"
      />
      <Layouts.Content>
        <Flex gap={2} wrap="wrap" paddingBottom={4}>
          {list.map((t) => (
            <Button key={t.formId} variant={template?.formId === t.formId ? 'default' : 'tertiary'} onClick={() => choose(t.formId)}>
              {t.title}
              {t.overridden ? '（已修改）' : ''}
            </Button>
          ))}
        </Flex>
        {template && (
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Field.Root name="source" error={error}>
              <Field.Label>{template.title}模板</Field.Label>
              <Textarea
                value={source}
                onChange={(e: { target: { value: string } }) => setSource(e.target.value)}
                style={{ fontFamily: 'monospace', minHeight: 360 }}
              />
              <Field.Error />
            </Field.Root>
            <Flex gap={2}>
              <Button variant="secondary" onClick={showPreview}>
                用示例记录预览
              </Button>
              <Button onClick={save}>保存</Button>
              {template.overridden && (
                <Button variant="danger-light" onClick={reset}>
                  恢复默认模板
                </Button>
              )}
            </Flex>
            {preview !== null && (
              <Box background="neutral0" hasRadius shadow="tableShadow">
                {/* Sandboxed without scripts: a template cannot run code in the admin. */}
                <iframe title="模板预览" sandbox="" srcDoc={preview} style={{ width: '100%', height: 600, border: 0 }} />
              </Box>
            )}
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
}
