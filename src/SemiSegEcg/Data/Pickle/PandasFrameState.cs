namespace SemiSegEcg.Data.Pickle;

/// <summary>A <c>DataFrame.__new__()</c> result waiting for BUILD to supply <c>{'_mgr': BlockManager, ...}</c>.</summary>
internal sealed class PandasFrameState
{
    public PandasBlockManager? Manager { get; private set; }

    public void SetState(Dictionary<object, object?> state)
    {
        // pandas ≥ 1.1 names the manager '_mgr'; older releases used '_data'.
        object? manager = state.GetValueOrDefault("_mgr") ?? state.GetValueOrDefault("_data");
        Manager = PickleValues.As<PandasBlockManager>(manager, "DataFrame state '_mgr'", "a pandas BlockManager");
    }
}
