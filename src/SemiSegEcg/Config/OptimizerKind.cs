namespace SemiSegEcg.Config;

public enum OptimizerKind
{
    [ConfigKey("adamw")] AdamW,
    Sgd,
}
