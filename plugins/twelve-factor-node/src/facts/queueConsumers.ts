/*
 * Queue consumers and task definitions in the code: the worker process type
 * as the code shows it. Some start consuming in whatever process loads them
 * (a BullMQ Worker, a Spring @KafkaListener, an asynq server): these run
 * inside the web process unless a command of their own starts them. Others
 * only define work that a worker command runs (Celery tasks, Dramatiq
 * actors): they say a worker process type exists, not where it runs.
 */
import type { Language } from './code/patterns';

/** One row: the line that consumes, and the import that makes it mean so. */
export interface ConsumerPattern {
  /** Names the description, `code-hint.consumer.<key>`. */
  key: string;
  /** Whether loading the code starts consuming (`runs`), or a worker command is needed (`defines`). */
  kind: 'runs' | 'defines';
  /** Must match somewhere in the file: the library's import, where the line alone is ambiguous. */
  file?: RegExp;
  line: RegExp;
}

/** Consumers by language. Extend a list to teach the engine a framework. */
export const QUEUE_CONSUMERS: Partial<Record<Language, ConsumerPattern[]>> = {
  javascript: [
    {
      key: 'bullmq',
      kind: 'runs',
      // Not worker_threads' `new Worker(file)`: only with BullMQ imported.
      file: /["'](bullmq|@nestjs\/bullmq)["']/,
      line: /\bnew\s+Worker\s*[<(]/,
    },
    {
      key: 'queue-process',
      kind: 'runs',
      file: /["'](bull|bee-queue|kue)["']/,
      line: /\.process\s*\(/,
    },
    {
      key: 'agenda',
      kind: 'runs',
      file: /["'](agenda|@hokify\/agenda)["']/,
      line: /\.define\s*\(\s*["'`]|\bagenda\.start\s*\(/,
    },
    {
      key: 'nestjs-processor',
      kind: 'runs',
      file: /["']@nestjs\/(bull|bullmq)["']/,
      line: /@Processor\s*\(/,
    },
    {
      key: 'temporal',
      kind: 'runs',
      file: /["']@temporalio\/worker["']/,
      line: /\bWorker\.create\s*\(/,
    },
    {
      key: 'kafka',
      kind: 'runs',
      file: /["']kafkajs["']/,
      line: /\.consumer\s*\(\s*\{|\bconsumer\.run\s*\(/,
    },
    {
      key: 'amqp',
      kind: 'runs',
      file: /["'](amqplib|amqplib\/callback_api|amqp-connection-manager)["']/,
      line: /\.consume\s*\(/,
    },
    {
      key: 'sqs',
      kind: 'runs',
      file: /["']sqs-consumer["']/,
      line: /\bConsumer\.create\s*\(/,
    },
    {
      key: 'pg-boss',
      kind: 'runs',
      file: /["']pg-boss["']/,
      line: /\.work\s*\(\s*["'`]/,
    },
  ],
  python: [
    {
      key: 'celery',
      kind: 'defines',
      file: /\bfrom celery\b|\bimport celery\b|\bshared_task\b/,
      line: /^\s*@(\w+\.)*(task|shared_task)\b/,
    },
    {
      key: 'dramatiq',
      kind: 'defines',
      file: /\bdramatiq\b/,
      line: /^\s*@(dramatiq\.)?actor\b/,
    },
    {
      key: 'huey',
      kind: 'defines',
      file: /\bhuey\b/,
      line: /^\s*@\w+\.(task|periodic_task)\s*\(/,
    },
    {
      key: 'faust',
      kind: 'defines',
      file: /\bimport faust\b|\bfrom faust\b/,
      line: /^\s*@\w+\.agent\s*\(/,
    },
    {
      key: 'arq',
      kind: 'defines',
      file: /\barq\b/,
      line: /^\s*class\s+WorkerSettings\b/,
    },
    {
      key: 'rq',
      kind: 'runs',
      file: /\bfrom rq\b|\bimport rq\b/,
      line: /\bWorker\s*\(.*\)\.work\s*\(|\bworker\.work\s*\(/,
    },
    {
      key: 'kafka',
      kind: 'runs',
      line: /\b(AIO)?KafkaConsumer\s*\(/,
    },
    {
      key: 'amqp',
      kind: 'runs',
      file: /\bpika\b|\baio_pika\b|\bkombu\b/,
      line: /\.basic_consume\s*\(|\bawait\s+\w+\.consume\s*\(|\bConsumerMixin\b/,
    },
    {
      key: 'temporal',
      kind: 'runs',
      file: /\btemporalio\b/,
      line: /\bWorker\s*\(\s*\w*client/,
    },
  ],
  go: [
    { key: 'asynq', kind: 'runs', line: /\basynq\.NewServer\s*\(/ },
    {
      key: 'machinery',
      kind: 'runs',
      file: /RichardKnop\/machinery/,
      line: /\.NewWorker\s*\(/,
    },
    {
      key: 'faktory',
      kind: 'runs',
      file: /faktory_worker_go/,
      line: /\bworker\.NewManager\s*\(|\bfaktory_worker\.NewManager\s*\(/,
    },
    {
      key: 'temporal',
      kind: 'runs',
      file: /go\.temporal\.io\/sdk\/worker/,
      line: /\bworker\.New\s*\(/,
    },
    {
      key: 'kafka',
      kind: 'runs',
      line: /\bsarama\.NewConsumerGroup\s*\(|\bkafka\.NewReader\s*\(|\bkgo\.ConsumeTopics\s*\(/,
    },
    {
      key: 'amqp',
      kind: 'runs',
      file: /amqp091-go|streadway\/amqp/,
      line: /\.Consume\s*\(/,
    },
  ],
  java: [
    {
      key: 'spring-listener',
      kind: 'runs',
      line: /@(KafkaListener|RabbitListener|SqsListener|JmsListener|StreamListener)\b/,
    },
    {
      key: 'temporal',
      kind: 'runs',
      line: /\bWorkerFactory\.newInstance\s*\(/,
    },
  ],
  csharp: [
    {
      key: 'masstransit',
      kind: 'runs',
      line: /:\s*IConsumer<|\.AddConsumer<|\.AddConsumers\s*\(/,
    },
    { key: 'hangfire', kind: 'runs', line: /\.AddHangfireServer\s*\(/ },
  ],
};
