import type { ComponentType } from 'react';
import { AgentsPage } from './agents-page';
import { ApplyPage } from './apply-page';
import { BenefitsPage } from './benefits-page';
import { CasePage } from './case-page';
import { CataloguePage } from './catalogue-page';
import { GuidePage } from './guide-page';
import { EnterprisesPage } from './enterprises-page';
import { MyCasesPage } from './my-cases-page';
import { VerifyPage } from './verify-page';

/** The citizen portal, loaded as one chunk. */
export const citizenPages: Record<string, ComponentType<{ params: Record<string, string> }>> = {
  catalogue: CataloguePage,
  guide: GuidePage,
  apply: ApplyPage,
  cases: MyCasesPage,
  case: CasePage,
  benefits: BenefitsPage,
  verify: VerifyPage,
  agents: AgentsPage,
  enterprises: EnterprisesPage,
};
