/** Explanations of warnings and the add-in's own sheets (审核说明, 审核结果): pure, shared by every host. */
export * from './own-sheets';
export * from './own-sheets-write';
export * from './fingerprint';
export * from './explanation';
export * from './explanation-edit';
export * from './explanation-sheet';
export * from './explanation-layout';
export * from './results-sheet';
export { sentence } from './text';
export * from './target';
