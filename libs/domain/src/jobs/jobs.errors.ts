export enum JobsErrorCode {
  JobNotFound = 'JOB_NOT_FOUND',
}
