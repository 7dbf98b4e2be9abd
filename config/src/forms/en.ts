/**
 * The public forms in English, for international applicants: the words only, by field name, kept
 * beside the zh-CN definitions (the forms' content, like their labels) rather than in the message
 * catalogue. The reviewer reads Chinese, so the printed form shows both (printable labels).
 * Typed from each form, so a field added to a form without English fails typecheck.
 */
import type { Field, FormDefinition } from '../fields/types.ts';
import type { Locale } from '../i18n/messages.ts';
import type { agencyForm } from './agency.ts';
import type { changeApplication, dataApplication, FormId, institution, outcome } from './index.ts';
import type { statisticianForm } from './statistician.ts';

/** One field's English words; `options` and `columns` by value and column name. */
export interface FieldEnglish {
  label: string;
  hint?: string;
  rowNoun?: string;
  options?: Readonly<Record<string, string>>;
  columns?: Readonly<Record<string, FieldEnglish>>;
}

/** A form's English words: every field by name, its sections by their zh-CN heading, its rules' messages in order. */
export interface FormEnglish<F extends FormDefinition = FormDefinition> {
  title: string;
  submitLabel?: string;
  submitNote?: string;
  sections?: Readonly<Record<string, string>>;
  fields: { readonly [N in F['fields'][number]['name']]: FieldEnglish };
  rules?: readonly string[];
  uploads?: Readonly<Record<string, string>>;
}

const SUBMIT_NOTE =
  'After you submit, you get an application number and a look-up password. Print the form, sign and stamp it, and upload it in “Application status”.';
const ID_HINT = '18-character resident ID card number; the last character may be X';
const AUTHOR_HINT = 'Like: Zhang San, School of Economics, A University, associate professor';

const institutionEn: FormEnglish<typeof institution.form> = {
  title: 'Registration form for institutions using microdata',
  submitLabel: 'Send the institution registration',
  submitNote: SUBMIT_NOTE,
  sections: { 机构信息: 'Institution', 法人代表: 'Legal representative', 联系人: 'Contact', 承诺: 'Commitment' },
  fields: {
    agreeNotice: { label: 'Application notice' },
    fullName: { label: 'Full name of the institution' },
    creditCode: {
      label: 'Unified social credit code',
      hint: '18 characters, on the business licence or legal entity certificate, like 91350100M000100Y43',
    },
    website: { label: 'Website', hint: 'Like https://www.example.edu.cn' },
    abbreviation: { label: 'Short name' },
    englishName: { label: 'English name' },
    address: { label: 'Postal address' },
    email: { label: 'Email address', hint: 'The institution’s shared email address' },
    legalRepName: { label: 'Legal representative’s name' },
    legalRepPosition: { label: 'Legal representative’s position' },
    legalRepTitle: { label: 'Legal representative’s professional title' },
    contactName: { label: 'Contact’s name' },
    contactPosition: { label: 'Contact’s position' },
    contactTitle: { label: 'Contact’s professional title' },
    contactPhone: { label: 'Contact’s phone', hint: '11-digit mobile number, used to check the application' },
    contactEmail: { label: 'Contact’s email address' },
    commitment: { label: 'Commitment of the institution' },
  },
};

const dataApplicationEn: FormEnglish<typeof dataApplication.form> = {
  title: 'Application to use microdata',
  submitLabel: 'Send the data use application',
  submitNote: SUBMIT_NOTE,
  sections: { 项目: 'Project', 项目负责人: 'Project leader', 项目组: 'Project team', 研究内容: 'Research', 申请数据: 'Data applied for' },
  fields: {
    agreeInstructions: { label: 'Form guidance' },
    projectName: { label: 'Project name' },
    projectSource: {
      label: 'Source of the project',
      options: {
        nsfc: 'National Natural Science Foundation',
        nssfc: 'National Social Science Foundation',
        ministerial: 'Provincial or ministerial project',
        commissioned: 'Commissioned project',
        self: 'Own project',
        other: 'Other',
      },
    },
    institution: {
      label: 'Applying institution',
      hint: 'Type the institution’s name or short name and select it from the list; only approved institutions are listed. If your institution is not there, register it first',
    },
    leaderName: { label: 'Project leader’s name' },
    leaderIdNumber: { label: 'ID card number', hint: ID_HINT },
    leaderTitle: { label: 'Position (professional title)' },
    leaderPhone: { label: 'Contact phone', hint: '11-digit mobile number, used to check the application' },
    leaderEmail: { label: 'Email address' },
    teamMembers: { label: 'Project team members', hint: 'One person a line: name, institution, position or title' },
    researchPurpose: { label: 'Purpose of the research' },
    researchMethods: { label: 'Research methods' },
    expectedOutcomes: { label: 'Expected outcomes' },
    datasets: { label: 'Datasets applied for' },
    dataYears: { label: 'Years of data', hint: 'Like 2015, 2018—2020' },
    usePeriodStart: { label: 'Start date of use', hint: 'Like 2026-12-01' },
    usePeriodEnd: { label: 'End date of use', hint: 'Like 2027-11-30' },
  },
  rules: ['The end date of use must be the same as or after the start date'],
  uploads: { attachments: 'Supporting documents (optional)' },
};

const changeApplicationEn: FormEnglish<typeof changeApplication.form> = {
  title: 'Application to change a microdata use',
  submitLabel: 'Send the change application',
  submitNote: SUBMIT_NOTE,
  fields: {
    datasets: { label: 'Catalogue', hint: 'The datasets to use after the change' },
    projectName: { label: 'Project name' },
    originalApplicationNo: {
      label: 'Original application number',
      hint: 'The number of the approved data use application, like SY-2026-000001',
    },
    applicantName: { label: 'Applicant’s name' },
    applicantIdNumber: { label: 'ID card number', hint: ID_HINT },
    applicantTitle: { label: 'Position (professional title)' },
    phone: { label: 'Contact phone', hint: 'Must be the contact phone of the original application' },
    email: { label: 'Email address' },
    projectProgress: { label: 'Project progress', hint: 'Like: data cleaning done, about 50%' },
    dataInUse: { label: 'Data in use' },
    methodsUsed: { label: 'Methods used or being used on the data' },
    processing: { label: 'How the data is processed' },
    useAndPlace: { label: 'Where the data is used and processed' },
    changeAndReason: { label: 'The change and why' },
  },
};

const outcomeEn: FormEnglish<typeof outcome.form> = {
  title: 'Final outcome registration form',
  submitLabel: 'Send the final outcome registration',
  submitNote:
    'After you submit, you get a registration number and a look-up password; use the mobile number you applied with and the look-up password to see the status in “Application status”.',
  fields: {
    applicationNo: { label: 'Data application number', hint: 'The number of the approved data use application, like SY-2026-000001' },
    applicantName: { label: 'Applicant' },
    phone: { label: 'Mobile number you applied with', hint: 'Must be the contact phone of the data use application' },
    leaderName: { label: 'Name of the person responsible' },
    projectName: { label: 'Project name' },
    outcomeName: { label: 'Name of the final outcome' },
    outcomeForm: {
      label: 'Form of the final outcome',
      options: {
        journal: 'Journal article',
        monograph: 'Monograph',
        report: 'Research report',
        thesis: 'Thesis',
        conference: 'Conference paper',
        other: 'Other',
      },
    },
    outcomeFormOther: { label: 'Other form of the final outcome' },
    author1: { label: 'First author, institution and title', hint: AUTHOR_HINT },
    author2: { label: 'Second author, institution and title', hint: AUTHOR_HINT },
    author3: { label: 'Third author, institution and title', hint: AUTHOR_HINT },
    publication: { label: 'Journal or publisher, date and number of publication' },
    fullTextPublished: { label: 'Published full text', options: { published: 'Published', unpublished: 'Not published' } },
    indexing: { label: 'Indexed in', options: { 'pku-core': 'Peking University core journals', none: 'Not indexed', other: 'Other' } },
    indexingOther: { label: 'Other index' },
  },
  rules: [
    'You selected “Other”: enter the other form of the final outcome',
    'You cannot select another index with “Not indexed”',
    'You selected “Other”: enter the other index',
  ],
  uploads: { reviewForm: 'Final outcome review form', fullText: 'Published full text (PDF)' },
};

/** Every public microdata form's English words, by form id. */
export const formsEnglish: { readonly [Id in FormId]: FormEnglish } = {
  institution: institutionEn,
  'data-application': dataApplicationEn,
  'change-application': changeApplicationEn,
  outcome: outcomeEn,
};

const CREDIT_CODE = 'Unified social credit code';

/** 统计从业人员注册登记 (seeds/004 §十): for staff of Sichuan's enterprises, some of whom read English better. */
export const statisticianEnglish: FormEnglish<typeof statisticianForm> = {
  title: 'Registration form for statistics staff',
  sections: { 个人信息: 'About you', 统计服务单位情况: 'Enterprises you report for' },
  fields: {
    name: { label: 'Full name' },
    idNumber: {
      label: 'Resident ID card number',
      hint: '18-character resident ID card number; your gender and date of birth are read from it, so you do not enter them',
    },
    phone: { label: 'Mobile phone number' },
    email: { label: 'Email address' },
    education: {
      label: 'Education',
      options: {
        高中及以下: 'Senior high school or below',
        中专: 'Secondary vocational school',
        大专: 'Junior college',
        本科: 'Bachelor’s degree',
        硕士研究生: 'Master’s degree',
        博士研究生: 'Doctorate',
      },
    },
    qualification: {
      label: 'Statistics qualification or professional title',
      options: {
        无: 'None',
        统计员: 'Statistical clerk',
        助理统计师: 'Assistant statistician',
        统计师: 'Statistician',
        高级统计师: 'Senior statistician',
        正高级统计师: 'Professor-level senior statistician',
      },
    },
    employer: { label: 'Employer' },
    registeredBy: {
      label: 'Who is registering',
      options: { self: 'I am registering myself', on_behalf: 'The comprehensive statistician of my enterprise is registering me' },
    },
    serviceUnits: {
      label: 'Enterprises you report for',
      hint: 'Enter each enterprise you do statistical work for, up to 30, each once',
      rowNoun: 'enterprise',
      columns: {
        code: { label: CREDIT_CODE },
        name: { label: 'Enterprise name' },
        role: { label: 'Your work', options: { comprehensive: 'Comprehensive statistics', specialised: 'Specialised statistics' } },
      },
    },
  },
};

/** 统计代理机构登记 (seeds/004 §七). County names stay as GB/T 2260 writes them. */
export const agencyEnglish: FormEnglish<typeof agencyForm> = {
  title: 'Registration form for statistical agents',
  sections: { 代理机构: 'Agency', 联系人: 'Contact', 委托企业: 'Delegating enterprises' },
  fields: {
    agencyName: { label: 'Agency name' },
    creditCode: { label: CREDIT_CODE },
    countyCode: { label: 'County, city or district', hint: 'The statistics bureau there reviews the registration first' },
    address: { label: 'Office address' },
    contactName: { label: 'Contact’s name' },
    contactPhone: { label: 'Contact’s phone', hint: 'The statistics bureau calls this number while it reviews the registration' },
    contactEmail: { label: 'Email address' },
    delegators: {
      label: 'Delegating enterprises',
      hint: 'Enter the enterprises that entrust this agency with their statistical reports. Each sends an entrustment letter with its official seal. With many enterprises, upload a list of them (Excel or CSV) in the next step instead',
      rowNoun: 'enterprise',
      columns: { code: { label: CREDIT_CODE }, name: { label: 'Enterprise name' } },
    },
  },
  uploads: {
    businessLicence: 'Business licence',
    legalPersonCertificate: 'Legal person certificate',
    delegatorList: 'List of delegating enterprises',
    listLetters: 'Entrustment letters of the listed enterprises',
  },
};

/** A field with its English words in place of the zh-CN ones (options and columns too). */
function fieldInEnglish<T extends Field>(field: T, english: FieldEnglish | undefined, sections: Readonly<Record<string, string>>): T {
  if (!english) throw new Error(`The field ${field.name} has no English words`);
  const localized: Record<string, unknown> = { ...field, label: english.label };
  if ('hint' in field && field.hint !== undefined) localized.hint = english.hint ?? field.hint;
  if (field.section !== undefined) localized.section = sections[field.section] ?? field.section;
  if ('options' in field && Array.isArray(field.options)) {
    localized.options = field.options.map((option: { value: string; label: string }) => ({
      ...option,
      label: english.options?.[option.value] ?? option.label,
    }));
  }
  if (field.type === 'rows') {
    localized.rowNoun = english.rowNoun ?? field.rowNoun;
    localized.columns = field.columns.map((column) => fieldInEnglish(column as Field, english.columns?.[column.name], sections));
  }
  return localized as T;
}

/** The form in `locale`: itself in zh-CN; in English, every label, hint, option, section, rule and upload in English. */
export function localizeForm<F extends FormDefinition>(form: F, locale: Locale, english: FormEnglish | undefined): F {
  if (locale === 'zh-CN') return form;
  if (!english) throw new Error(`The form ${form.id} has no English words`);
  const sections = english.sections ?? {};
  const fieldsEn = english.fields as Readonly<Record<string, FieldEnglish>>;
  return {
    ...form,
    title: english.title,
    submitLabel: english.submitLabel ?? form.submitLabel,
    submitNote: english.submitNote ?? form.submitNote,
    fields: form.fields.map((field) => fieldInEnglish(field, fieldsEn[field.name], sections)),
    rules: form.rules?.map((rule, index) => ({ ...rule, message: english.rules?.[index] ?? rule.message })),
    uploads: form.uploads?.map((upload) => ({ ...upload, label: english.uploads?.[upload.name] ?? upload.label })),
  };
}

/** Two texts side by side, English first: "Applicant name 申请人姓名". */
const both = (english: string, chinese: string): string => (english === chinese ? chinese : `${english} ${chinese}`);

/** A field whose label, hint, section and options show the English and the zh-CN words side by side. */
function fieldInBoth<T extends Field>(english: T, chinese: T): T {
  const paired: Record<string, unknown> = { ...english, label: both(english.label, chinese.label) };
  if (english.section !== undefined && chinese.section !== undefined) paired.section = both(english.section, chinese.section);
  if ('options' in english && Array.isArray(english.options) && 'options' in chinese && Array.isArray(chinese.options)) {
    const chineseOptions = chinese.options as readonly { value: string; label: string }[];
    paired.options = english.options.map((option: { value: string; label: string }) => ({
      ...option,
      label: both(option.label, chineseOptions.find((o) => o.value === option.value)?.label ?? option.label),
    }));
  }
  return paired as T;
}

/**
 * The form of an application made in English as it is printed: each English text with the
 * Chinese one beside it, since the reviewer reads Chinese. A zh-CN application prints as it is.
 */
export function printedForm<F extends FormDefinition>(form: F, locale: Locale, english: FormEnglish | undefined): F {
  if (locale === 'zh-CN') return form;
  const localized = localizeForm(form, locale, english);
  return {
    ...localized,
    title: both(localized.title, form.title),
    fields: localized.fields.map((field, index) => fieldInBoth(field, form.fields[index] as Field)),
  };
}
