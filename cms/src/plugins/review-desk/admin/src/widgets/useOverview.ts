import { endpoints, type Overview } from '@statdesk/config/contract';
import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';

export type { Overview };

/** The figures behind the home widgets (GET /review-desk/overview). */
export function useOverview(): { overview: Overview | null; failed: boolean } {
  const { get } = useFetchClient();
  const [overview, setOverview] = useState<Overview | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    get<Overview>(endpoints.deskOverview.path).then(
      ({ data }) => setOverview(data),
      () => setFailed(true),
    );
  }, [get]);
  return { overview, failed };
}
