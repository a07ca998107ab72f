import type { RuleStage } from '../../../../shared/rules';

/** The three stages in the order they run, named for people rather than for the database. */
export const STAGES: readonly { stage: RuleStage; label: string; help: string }[] = [
  {
    stage: 'pre',
    label: 'First',
    help: 'These run before the others. Put broad rules here: later rules can change what they set.',
  },
  {
    stage: 'default',
    label: 'Normal',
    help: 'Most rules belong here. Within a stage, rules run from top to bottom.',
  },
  {
    stage: 'post',
    label: 'Last',
    help: 'These run after the others, so what they set wins. Put exceptions here.',
  },
];

export const stageLabel = (stage: RuleStage) =>
  STAGES.find((s) => s.stage === stage)?.label ?? stage;
