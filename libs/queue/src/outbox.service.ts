import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JobName, JobPayloads, QueueName } from './queue-names';

/**
 * Producers write jobs here inside the business transaction; the worker's relay moves them to BullMQ.
 * A second write of the same job id is a no-op, so producers may call this freely.
 */
@Injectable()
export class OutboxService {
  async enqueue<N extends JobName>(
    manager: EntityManager,
    queue: QueueName,
    name: N,
    id: string,
    payload: JobPayloads[N],
  ): Promise<void> {
    await manager.query(
      `INSERT INTO outbox_message (queue, job_name, job_id, payload) VALUES ($1, $2, $3, $4::jsonb)
       ON CONFLICT (queue, job_id) DO NOTHING`,
      [queue, name, id, JSON.stringify(payload)],
    );
  }
}
