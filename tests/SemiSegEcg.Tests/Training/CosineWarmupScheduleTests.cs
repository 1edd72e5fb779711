using System.Text.Json;
using SemiSegEcg.Tests.Infrastructure;
using SemiSegEcg.Training;

namespace SemiSegEcg.Tests.Training;

[Trait(Category.Trait, Category.Parity)]
public sealed class CosineWarmupScheduleTests
{
    [Fact]
    public void Should_Equal_The_Reference_Schedule_At_Every_Fixture_Point()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedData.ReferenceFixtures, "lr_schedule.json")));
        var config = json.RootElement.GetProperty("config");
        var schedule = new CosineWarmupSchedule(config.GetProperty("lr").GetDouble(), config.GetProperty("min_lr").GetDouble(),
            config.GetProperty("warmup_epochs").GetDouble(), config.GetProperty("epochs").GetDouble());

        int checkedPoints = 0;
        foreach (string section in new[] { "lr", "extra_points" })
        {
            foreach (var point in json.RootElement.GetProperty(section).EnumerateArray())
            {
                Assert.Equal(point.GetProperty("lr").GetDouble(), schedule.At(point.GetProperty("epoch").GetDouble()), 15);
                checkedPoints++;
            }
        }
        foreach (var step in json.RootElement.GetProperty("ludb_1over16_supervised_first_steps").EnumerateArray())
        {
            double lr = schedule.At(step.GetProperty("epoch").GetInt32(), step.GetProperty("iteration").GetInt32(),
                step.GetProperty("steps_per_epoch").GetInt32());
            Assert.Equal(step.GetProperty("lr").GetDouble(), lr, 15);
            checkedPoints++;
        }
        Assert.Equal(21, checkedPoints);
    }
}
