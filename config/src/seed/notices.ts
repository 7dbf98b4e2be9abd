/**
 * The texts the public reads before and inside the forms. Content editors change them in the
 * admin; these are the first versions. The commitment is the seed's own wording (§3.1).
 */
export const seedNotices = [
  {
    key: 'institution-notice',
    title: '机构登记申请须知',
    showOnHome: true,
    body: [
      '一、微观数据开发应用机构登记面向依法设立的高等院校、科研院所和其他研究机构。',
      '二、请如实填写机构登记表。提交后系统将给出查询密码，请牢记；凭联系人手机号码和查询密码可查询审核进度。',
      '三、提交后请打印系统导出的机构登记表，由法人单位负责人签字并加盖单位公章，再通过“申请结果查询”上传扫描件。',
      '四、数据开发中心收到盖章登记表后进行审核，审核结果可在“申请结果查询”中查看。',
    ].join('\n'),
  },
  {
    key: 'data-application-instructions',
    title: '数据使用申请填表说明',
    showOnHome: false,
    body: [
      '一、申请机构须已完成机构登记。',
      '二、请完整填写项目信息、研究目的与方法以及申请使用的数据目录和年份。为了更好的通过审核，请填写全部说明信息。',
      '三、提交后系统将给出查询密码，请牢记；打印导出的申请表，签字盖章后通过“申请结果查询”上传。',
      '四、获批数据仅限在数据开发中心规定的场所、期限和用途内使用，不得复制、传播或用于其他目的。',
    ].join('\n'),
  },
  {
    key: 'institution-commitment',
    title: '申请单位承诺',
    showOnHome: false,
    body: '本单位承诺严格遵守国家有关法律法规和国家统计局微观数据开发应用相关规定，负责本单位研究人员的安全教育及管理，确保数据使用人员严格遵守上述规定，不泄露个人隐私或商业秘密。如有违背，本单位承担全部责任。',
  },
  {
    key: 'outcome-review',
    title: '最终成果审核',
    showOnHome: false,
    body: '研究人员形成最终成果后，请下载最终成果审核表，填写完成后发送至数据开发中心。审核通过后，请在本系统填写最终成果登记表。',
  },
] as const;
