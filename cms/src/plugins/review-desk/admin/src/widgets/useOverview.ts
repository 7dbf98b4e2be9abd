import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';

export interface Overview {
  waiting: Array<{ kind: string; noun: string; count: number }>;
  oldestWaitingDays: number | null;
  decisionsThisWeek: number;
  medianDaysToDecision: number | null;
  mailEnabled: boolean;
}

/** The figures behind the home widgets (GET /review-desk/overview). */
export function useOverview(): { overview: Overview | null; failed: boolean } {
  const { get } = useFetchClient();
  const [overview, setOverview] = useState<Overview | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    get<Overview>('/review-desk/overview').then(
      ({ data }) => setOverview(data),
      () => setFailed(true),
    );
  }, [get]);
  return { overview, failed };
}
