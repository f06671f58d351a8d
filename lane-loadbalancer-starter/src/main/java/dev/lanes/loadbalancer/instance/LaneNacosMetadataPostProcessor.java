package dev.lanes.loadbalancer.instance;

import com.alibaba.cloud.nacos.NacosDiscoveryProperties;
import dev.lanes.loadbalancer.LaneProperties;
import dev.lanes.loadbalancer.LaneServiceInstanceListSupplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * A {@link BeanPostProcessor} that puts this instance's lane ({@code lane.instance.tag})
 * into {@link NacosDiscoveryProperties#getMetadata()} unless the metadata already names a
 * lane, so the Nacos registration carries {@code lane=<tag>} however the context was
 * started.
 */
public class LaneNacosMetadataPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<LaneProperties> properties;

	/**
	 * Creates a post-processor.
	 * @param properties the lane properties, looked up lazily
	 */
	public LaneNacosMetadataPostProcessor(ObjectProvider<LaneProperties> properties) {
		this.properties = properties;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof NacosDiscoveryProperties nacos) {
			LaneProperties laneProperties = this.properties.getIfAvailable();
			String tag = (laneProperties != null) ? laneProperties.getInstance().getTag() : null;
			if (tag != null) {
				nacos.getMetadata().putIfAbsent(LaneServiceInstanceListSupplier.METADATA_KEY, tag);
			}
		}
		return bean;
	}

}
