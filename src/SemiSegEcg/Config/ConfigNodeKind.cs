namespace SemiSegEcg.Config;

public enum ConfigNodeKind
{
    Mapping,
    Sequence,
    Scalar,
}
