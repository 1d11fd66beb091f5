import { JOB_QUEUE, JobName, processorQueues } from '@app/queue';
import { PROCESSORS } from './worker.module';

describe('worker queues', () => {
  it('has a processor for every queue a job is sent to, and opens no other queue', () => {
    const jobQueues = new Set(Object.values(JobName).map((name) => JOB_QUEUE[name]));
    expect(new Set(processorQueues(PROCESSORS))).toEqual(jobQueues);
  });
});
