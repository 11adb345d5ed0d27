import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { FitEvaluation } from '@strand/jobs';
import { CALIBRATION_BINS, CURVE_POINTS, MAX_EVALUATED, SCATTER_POINTS } from '@strand/models';
import { ListBound } from '../limits/list-bound.ts';

@ObjectType({ description: 'A curve as two coordinate lists of equal length.' })
export class EvaluationCurve {
  @Field(() => [Float], { description: `x coordinates (at most ${CURVE_POINTS}).` })
  x!: number[];

  @Field(() => [Float], { description: `y coordinates (at most ${CURVE_POINTS}).` })
  y!: number[];
}

@ObjectType({ description: 'One equal-width probability bin of a calibration curve.' })
export class CalibrationBin {
  @Field(() => Float)
  lower!: number;

  @Field(() => Float)
  upper!: number;

  @Field(() => Int, { description: 'Rows whose prediction falls in the bin.' })
  count!: number;

  @Field(() => Float, { nullable: true, description: 'Mean prediction; null when empty.' })
  meanPredicted!: number | null;

  @Field(() => Float, { nullable: true, description: 'Fraction of positives; null when empty.' })
  observed!: number | null;
}

@ObjectType({
  description:
    'One binary problem: a binary task, one task of a multitask model, or one class against the rest.',
})
export class ClassEvaluation {
  @Field(() => String)
  name!: string;

  @Field(() => Int)
  positives!: number;

  @Field(() => Int)
  negatives!: number;

  @Field(() => Float, { nullable: true, description: 'Null when the rows hold one class only.' })
  auroc!: number | null;

  @Field(() => Float, { nullable: true })
  auprc!: number | null;

  @Field(() => EvaluationCurve, {
    description: `False-positive rate (x) against true-positive rate (y), at most ${CURVE_POINTS} points.`,
  })
  roc!: EvaluationCurve;

  @Field(() => EvaluationCurve, {
    description: `Recall (x) against precision (y), at most ${CURVE_POINTS} points.`,
  })
  pr!: EvaluationCurve;

  @Field(() => [CalibrationBin], { description: `At most ${CALIBRATION_BINS} bins over [0, 1].` })
  @ListBound(CALIBRATION_BINS, 'values')
  calibration!: CalibrationBin[];
}

@ObjectType({ description: 'Confusion counts: rows are the actual class, columns the predicted.' })
export class ConfusionEvaluation {
  @Field(() => String, { description: 'The task or, for multi-class, "classes".' })
  name!: string;

  @Field(() => [String])
  labels!: string[];

  @Field(() => [[Int]], { description: 'counts[actual][predicted].' })
  counts!: number[][];

  @Field(() => String, { description: '"score > 0.5" (as val_accuracy) or "arg max".' })
  rule!: string;
}

@ObjectType({ description: 'Predicted against observed values of one regression output.' })
export class RegressionEvaluation {
  @Field(() => String)
  name!: string;

  @Field(() => Int, { description: 'Rows with a defined target.' })
  count!: number;

  @Field(() => Float, { nullable: true })
  pearson!: number | null;

  @Field(() => Float, { nullable: true })
  spearman!: number | null;

  @Field(() => Float, { nullable: true })
  r2!: number | null;

  @Field(() => [Float], {
    description: `Observed values of sampled rows (every k-th; at most ${SCATTER_POINTS}).`,
  })
  observed!: number[];

  @Field(() => [Float], { description: 'The predictions of the same rows, in the same order.' })
  predicted!: number[];
}

@ObjectType({
  description:
    "A trained model's evaluation on the run's validation rows (the rows its val_ metrics come from): ROC, PR, calibration and confusion for classification; predicted vs observed for regression.",
})
export class Evaluation {
  @Field(() => String, { description: 'Which rows predicted: "validation".' })
  split!: string;

  @Field(() => Int, { description: 'The epoch whose weights (the saved model) predicted.' })
  epoch!: number;

  @Field(() => String, { description: 'binary, multitask, multiclass or regression.' })
  task!: string;

  @Field(() => Int, { description: 'Validation rows.' })
  rows!: number;

  @Field(() => [ClassEvaluation], {
    description: `One per task or class (at most ${MAX_EVALUATED}); empty for regression.`,
  })
  @ListBound(MAX_EVALUATED, 'values')
  classes!: ClassEvaluation[];

  @Field(() => [ConfusionEvaluation], {
    description: `One per binary task, one for multi-class (at most ${MAX_EVALUATED}).`,
  })
  @ListBound(MAX_EVALUATED, 'values')
  confusion!: ConfusionEvaluation[];

  @Field(() => [RegressionEvaluation], {
    description: `One per regression output (at most ${MAX_EVALUATED}).`,
  })
  @ListBound(MAX_EVALUATED, 'values')
  regression!: RegressionEvaluation[];

  @Field(() => Int, {
    description: `Tasks, classes or outputs past the first ${MAX_EVALUATED}, left out.`,
  })
  omitted!: number;

  static from(e: FitEvaluation): Evaluation {
    return Object.assign(new Evaluation(), {
      ...e,
      classes: e.classes.map((c) =>
        Object.assign(new ClassEvaluation(), {
          ...c,
          roc: Object.assign(new EvaluationCurve(), c.roc),
          pr: Object.assign(new EvaluationCurve(), c.pr),
          calibration: c.calibration.map((b) => Object.assign(new CalibrationBin(), b)),
        }),
      ),
      confusion: e.confusion.map((c) => Object.assign(new ConfusionEvaluation(), c)),
      regression: e.regression.map((r) => Object.assign(new RegressionEvaluation(), r)),
    });
  }
}
