import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { DesignTaskResult } from '@strand/jobs';
import { BOUNDS } from '../limits/bounds.ts';
import { ListBound } from '../limits/list-bound.ts';

@ObjectType({ description: 'A position where a designed sequence differs from the start.' })
export class DesignEdit {
  @Field(() => Int, { description: '0-based.' })
  position!: number;

  @Field(() => String, { description: 'The start base.' })
  from!: string;

  @Field(() => String, { description: 'The new base.' })
  to!: string;
}

@ObjectType({ description: 'The best sequence after one step (an edit, or a generation).' })
export class DesignStep {
  @Field(() => Int, { description: '0 is the start.' })
  step!: number;

  @Field(() => Float, { description: "The output's logit." })
  score!: number;

  @Field(() => String)
  sequence!: string;

  @ListBound(BOUNDS.designEdits, 'values')
  @Field(() => [DesignEdit], {
    description: `Differences from the start (at most maxEdits, so at most ${BOUNDS.designEdits}).`,
  })
  edits!: DesignEdit[];
}

@ObjectType({ description: 'The start sequence and its score.' })
export class DesignStart {
  @Field(() => String)
  sequence!: string;

  @Field(() => Float)
  score!: number;
}

@ObjectType({ description: 'The result of a designSequence job.' })
export class SequenceDesign {
  @Field(() => ID)
  jobId!: string;

  @Field(() => String)
  backend!: string;

  @Field(() => String, { description: 'What the scores are: logit.' })
  target!: string;

  @Field(() => String, { description: 'greedy, beam or evolution.' })
  method!: string;

  @Field(() => DesignStart)
  start!: DesignStart;

  @Field(() => DesignStep, { description: 'The best sequence found.' })
  best!: DesignStep;

  @ListBound(BOUNDS.designSteps, 'values')
  @Field(() => [DesignStep], {
    description: `The best sequence after each step, the start first (at most ${BOUNDS.designSteps}).`,
  })
  trajectory!: DesignStep[];

  static from(jobId: string, r: DesignTaskResult): SequenceDesign {
    const step = (s: DesignTaskResult['best']) =>
      Object.assign(new DesignStep(), {
        ...s,
        edits: s.edits.map((e) => Object.assign(new DesignEdit(), e)),
      });
    return Object.assign(new SequenceDesign(), {
      jobId,
      backend: r.backend,
      target: r.target,
      method: r.method,
      start: Object.assign(new DesignStart(), r.start),
      best: step(r.best),
      trajectory: r.trajectory.map(step),
    });
  }
}
